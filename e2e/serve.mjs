// The browser tests' server: Debrief (dist/server.js) sending its mail over SMTP to a real smtp-server on 127.0.0.1,
// which keeps every message it accepts as an .eml file in DATA_DIR/smtp-inbox for the tests to read. It refuses for
// good (550) any address whose name starts with "nobody-", as a server does for a mailbox that does not exist.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const inbox = join(process.env.DATA_DIR, 'smtp-inbox');
mkdirSync(inbox, { recursive: true });
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, done) {
    if (/^nobody-/i.test(address.address))
      return done(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
    done();
  },
  onData(stream, _session, done) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      writeFileSync(join(inbox, `${Date.now()}-${++received}.eml`), Buffer.concat(chunks));
      done();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.server.address().port}`;
await import('../dist/server.js');
