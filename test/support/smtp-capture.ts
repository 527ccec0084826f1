import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  links: string[];
}

export interface SmtpCapture {
  url: string;
  port: number;
  mails: CapturedMail[];
  /** Stops listening (the "SMTP server is down"); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Mails to this address, newest last. */
  to(address: string): CapturedMail[];
}

function linksOf(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]);
}

function addressOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address?.toLowerCase() ?? '';
}

/**
 * A real SMTP server in the test process, on a free port of 127.0.0.1, keeping every mail it
 * accepts parsed by mailparser. Recipients matching `refuse` get a permanent 550.
 */
export async function startSmtpCapture(options: { refuse?: RegExp } = {}): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  let port = 0;
  let server: SMTPServer | null = null;

  const listen = async () => {
    const instance = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (options.refuse?.test(address.address)) {
          const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            const text = mail.text ?? '';
            mails.push({
              to: addressOf(mail),
              subject: mail.subject ?? '',
              text,
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
              links: linksOf(text),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    instance.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      instance.server.once('error', reject);
      instance.listen(port, '127.0.0.1', () => resolve());
    });
    port = (instance.server.address() as AddressInfo).port;
    server = instance;
  };

  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    mails,
    async stop() {
      const running = server;
      server = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
    start: listen,
    to: (address) => mails.filter((mail) => mail.to === address.toLowerCase()),
  };
}
