import { desc, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Deps } from "../../context";
import type { Db } from "../../db/client";
import { devMail } from "../../db/schema";
import type { Logger } from "../../lib/logger";
import type { RenderedMail } from "./layout";

export interface Mailer {
  readonly kind: "smtp" | "dev-mailbox";
  send(to: string, mail: RenderedMail): Promise<void>;
  /**
   * Sends without making the caller wait on SMTP (so answers for known and unknown addresses take the same
   * time); the dev mailbox is a local insert and is awaited, so tests can read the message right away.
   */
  deliver(to: string, mail: RenderedMail): Promise<void>;
}

export function createMailer(opts: { smtpUrl?: string; from: string; db: Db; log: Logger }): Mailer {
  if (opts.smtpUrl) return smtpMailer(opts.smtpUrl, opts.from, opts.log);
  return devMailboxMailer(opts.db, opts.log);
}

const mailers = new WeakMap<Deps, Mailer>();
/** The process's one mailer (SMTP when configured, else the dev mailbox): auth mail and notifications share it. */
export function mailerFor(deps: Deps): Mailer {
  let m = mailers.get(deps);
  if (!m) {
    m = createMailer({ smtpUrl: deps.env.SMTP_URL, from: deps.env.MAIL_FROM, db: deps.database.db, log: deps.log });
    mailers.set(deps, m);
  }
  return m;
}

function smtpMailer(url: string, from: string, log: Logger): Mailer {
  const transport = nodemailer.createTransport(url);
  const send = async (to: string, mail: RenderedMail) => {
    await transport.sendMail({ from, to, subject: mail.subject, text: mail.text, html: mail.html });
    log.info("mail sent", { to, subject: mail.subject });
  };
  return {
    kind: "smtp",
    send,
    deliver: async (to, mail) => {
      void send(to, mail).catch((err: unknown) =>
        log.error("mail delivery failed", { to, subject: mail.subject, err }),
      );
    },
  };
}

function devMailboxMailer(db: Db, log: Logger): Mailer {
  const send = async (to: string, mail: RenderedMail) => {
    await db.insert(devMail).values({ to: to.toLowerCase(), subject: mail.subject, text: mail.text, html: mail.html });
    log.info("mail stored in the dev mailbox", { to, subject: mail.subject });
  };
  return { kind: "dev-mailbox", send, deliver: send };
}

/** The dev mailbox, newest first (optionally for one recipient). */
export async function listDevMail(db: Db, opts: { to?: string; limit: number }) {
  return db
    .select()
    .from(devMail)
    .where(opts.to ? eq(devMail.to, opts.to.toLowerCase()) : undefined)
    .orderBy(desc(devMail.createdAt), desc(devMail.id))
    .limit(opts.limit);
}

/** Empties the dev mailbox (or one recipient's part of it). */
export async function clearDevMail(db: Db, to?: string) {
  await db.delete(devMail).where(to ? eq(devMail.to, to.toLowerCase()) : undefined);
}
