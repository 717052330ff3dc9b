import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// stdio, IPC or a socket, as the client asks (`--stdio`, `--node-ipc`, `--socket=N`).
startServer(createConnection(ProposedFeatures.all));
