// The filter is decided in the engine (shared/domain/timeline-query.ts); the window only holds it.
export { EMPTY_FILTER, isEmptyFilter, type TimelineFilter } from '../../shared/domain/timeline-query';
