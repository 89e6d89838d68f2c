// Runs in: main (Electron-free). Owns: the contract over one WebSocket: parse each client message, run it
// through `dispatch`, answer with its id, and push every bus event while the socket is open.
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { fail } from '../../shared/contract/index.js';
import type { Workspace } from '../app/workspace.js';

const clientMessage = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown(),
});

export function attachBridge(socket: WebSocket, ws: Pick<Workspace, 'callUnchecked' | 'bus'>): void {
  const off = ws.bus.onAny((event, payload) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'event', event, payload }));
  });
  socket.on('close', off);
  socket.on('message', (data) => {
    let msg: z.infer<typeof clientMessage>;
    try {
      msg = clientMessage.parse(JSON.parse(String(data)));
    } catch {
      socket.send(
        JSON.stringify({ type: 'result', id: -1, result: fail('invalid_input', 'Malformed bridge message') }),
      );
      return;
    }
    void ws.callUnchecked(msg.channel, msg.input).then((result) => {
      if (socket.readyState === socket.OPEN)
        socket.send(JSON.stringify({ type: 'result', id: msg.id, result }));
    });
  });
}
