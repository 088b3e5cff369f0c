// What monitoring is given to send alerts here: the same text as the README's "Alerts in", with
// this console's real intake address and token filled in, ready to paste.

/** The three intake paths under the address `intake.endpoint` answers (`http://127.0.0.1:PORT/intake`). */
export function intakeAddresses(base: string): { alertmanager: string; grafana: string; pagerDuty: string } {
  const root = base.replace(/\/+$/, '');
  return { alertmanager: `${root}/alertmanager`, grafana: `${root}/grafana`, pagerDuty: `${root}/pagerduty/v2/enqueue` };
}

/** `alertmanager.yml`: a receiver posting webhook version 4 with the intake token as a bearer. */
export function alertmanagerSnippet(base: string, token: string): string {
  return [
    'route:',
    '  receiver: command-post',
    "  group_by: ['alertname', 'service']",
    'receivers:',
    '  - name: command-post',
    '    webhook_configs:',
    `      - url: ${intakeAddresses(base).alertmanager}`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: ${token}`,
    '',
  ].join('\n');
}

/** Grafana: Alerting → Contact points → Webhook, field by field. */
export function grafanaSnippet(base: string, token: string): string {
  return [
    'Integration: Webhook',
    `URL: ${intakeAddresses(base).grafana}`,
    'HTTP method: POST',
    'Authorization header — scheme: Bearer',
    `Authorization header — credentials: ${token}`,
    '',
  ].join('\n');
}

/** PagerDuty Events API v2: anything that can page PagerDuty can page the console; the token is the routing key. */
export function pagerDutySnippet(base: string, token: string): string {
  const body = JSON.stringify({ routing_key: token, event_action: 'trigger', dedup_key: 'payments-db' });
  const payload = '"payload":{"summary":"Payments DB p99 above 2 s","source":"db-1","severity":"critical"}';
  return [
    `curl -X POST ${intakeAddresses(base).pagerDuty} -H 'Content-Type: application/json' \\`,
    `  -d '${body.slice(0, -1)},`,
    `       ${payload}}'`,
    '',
  ].join('\n');
}
