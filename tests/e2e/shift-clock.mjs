// Loaded into the host with `--import` by tests that need a past: moves the wall clock of the
// whole process by COMMAND_POST_E2E_CLOCK_OFFSET_MS (negative = earlier).
const offset = Number(process.env.COMMAND_POST_E2E_CLOCK_OFFSET_MS ?? 0);

if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + offset);
      else super(...args);
    }
    static now() {
      return realNow() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
