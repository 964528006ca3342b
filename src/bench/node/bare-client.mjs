// The fastest bare client found for the live-ingest benchmark: Node's ws. It authenticates,
// subscribes as the Space Operator protocol requires, counts frames until FlowFinish and exits.
// No decoding, no recording. Usage: node bare-client.mjs URL TOKEN FLOW_RUN_ID
import WebSocket from 'ws';

const [url, token, runId] = process.argv.slice(2);
if (!runId) {
  console.error('usage: node bare-client.mjs URL TOKEN FLOW_RUN_ID');
  process.exit(2);
}
const finish = Buffer.from('"FlowFinish"');
let frames = 0;
// The Tyrus clients offer no compression either: both receive the same bytes.
const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
ws.on('open', () => {
  ws.send(JSON.stringify({ id: 1, method: 'Authenticate', params: { token } }));
  ws.send(JSON.stringify({ id: 2, method: 'SubscribeFlowRunEvents', params: { flow_run_id: runId } }));
});
ws.on('message', (data) => {
  frames++;
  if (data.includes(finish)) {
    console.log(`${frames} frames`);
    process.exit(0);
  }
});
ws.on('error', (e) => {
  console.error(`bare client: ${e.message}`);
  process.exit(1);
});
ws.on('close', () => {
  console.error(`closed before FlowFinish, after ${frames} frames`);
  process.exit(1);
});
