import { useEffect, useState } from 'react';
import type { Debrief } from '../../../shared/drills/debrief';
import { api } from '../../api';
import { plainMessage } from '../../lib/plain-error';

type DebriefAnswer = { state: 'loading' } | { state: 'ready'; debrief: Debrief } | { state: 'failed'; message: string };

/** The drill's debrief from the engine, asked again whenever the incident changes (a drill still running scores as it goes). */
export function useDebrief(incidentId: string, version: number): DebriefAnswer {
  const [answer, setAnswer] = useState<DebriefAnswer>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    void api.call('drill.debrief', { incidentId }).then((result) => {
      if (!current) return;
      setAnswer(result.ok ? { state: 'ready', debrief: result.value } : { state: 'failed', message: plainMessage(result.error) });
    });
    return () => {
      current = false;
    };
  }, [incidentId, version]);
  return answer;
}
