import { type RefObject, useEffect, useRef } from 'react';

/** True until the component unmounts: an answer that comes back later sets no state then. */
export function useMounted(): RefObject<boolean> {
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  return mounted;
}
