import type { Scenario } from '../types';
import { BAD_DEPLOY } from './bad-deploy';
import { DB_POOL_EXHAUSTED } from './db-pool-exhausted';
import { PAYMENT_PROVIDER_OUTAGE } from './payment-provider-outage';

/** The scenarios shipped with the product, in the order a new team might run them. */
export const BUILTIN_SCENARIOS: Scenario[] = [BAD_DEPLOY, DB_POOL_EXHAUSTED, PAYMENT_PROVIDER_OUTAGE];
