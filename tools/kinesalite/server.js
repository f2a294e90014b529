// Local Kinesis (kinesalite, in memory) for Trailwatch's integration tests.
// Its own CLI binds every interface; this binds 127.0.0.1 only, on the given port (0 = any free one),
// and writes the port it got to the file named by the second argument once it is listening.
// Usage: node server.js [PORT] [PORT_FILE]
'use strict';
const fs = require('fs');
const kinesalite = require('kinesalite');

const port = Number(process.argv[2] || 0);
const portFile = process.argv[3];

// Streams become ACTIVE at once: tests need not wait out simulated provisioning.
const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 });

// A client that aborts a request (a job being cancelled mid-poll) must not take the emulator down.
server.on('clientError', (err, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  socket.destroy();
});
server.on('connection', (socket) => socket.on('error', () => socket.destroy()));
process.on('uncaughtException', (err) => console.error('kinesalite: ignored error:', err && err.message));

server.listen(port, '127.0.0.1', () => {
  const actual = server.address().port;
  console.log('kinesalite listening on http://127.0.0.1:' + actual);
  if (portFile) fs.writeFileSync(portFile, String(actual));
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
