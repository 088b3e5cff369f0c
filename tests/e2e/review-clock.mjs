// Loaded into the host with `--import` by the review specs: the wall clock of the whole process
// runs at the offset written in COMMAND_POST_E2E_CLOCK_FILE (ms, negative = in the past), read
// on every call, so a test can walk the host through weeks of incidents without restarting it.
import { readFileSync } from 'node:fs';

const file = process.env.COMMAND_POST_E2E_CLOCK_FILE;

if (file) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  const offset = () => {
    try {
      return Number(readFileSync(file, 'utf8')) || 0;
    } catch {
      return 0;
    }
  };
  class MovableDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + offset());
      else super(...args);
    }
    static now() {
      return realNow() + offset();
    }
  }
  globalThis.Date = MovableDate;
}
