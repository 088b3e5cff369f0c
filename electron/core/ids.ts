import { randomBytes, randomUUID } from 'node:crypto';

/** Globally unique, so that two journals merge by union. */
export function newEventId(): string {
  return randomUUID();
}

/** Readable on a wall screen and safe as a folder name: INC-20261122-k3x9qa. */
export function newIncidentId(now: number): string {
  const day = new Date(now).toISOString().slice(0, 10).replaceAll('-', '');
  const suffix = Array.from(randomBytes(6), (b) => 'abcdefghjkmnpqrstuvwxyz23456789'[b % 31]).join('');
  return `INC-${day}-${suffix}`;
}
