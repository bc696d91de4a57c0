// Brings cases to caseworkers in WeCom: a new case of their region arrives as a template card (认领 / open in
// the console), and what the person says in a case a member is answering is forwarded to them. It reads the
// same region-scoped CaseDesk changes as the console's live events; each card or forward goes through the
// outbox under a key per case (or change) and member, so a restart or a second instance never repeats one,
// and one WeCom refuses for now is tried again later instead of being lost.
import type { CaseDesk } from '../../caseworker/case-desk.ts';
import { isInScope, scopeOf } from '../../caseworker/region-scope.ts';
import type { WecomMembers } from '../tencent/tencent-ports.ts';
import { CLAIM_KEY_PREFIX } from './caseworker-commands.ts';
import type { WecomCard } from './wecom-api.ts';
import type { WecomOutbox } from './wecom-outbox.ts';

export interface CaseCardNotifierDeps {
  members: Pick<WecomMembers, 'all'>;
  desk: Pick<CaseDesk, 'changesSince' | 'get'>;
  outbox: Pick<WecomOutbox, 'sendCard' | 'sendText'>;
  t(key: string, params?: Record<string, string>): string;
  consoleUrl: string | null;
  logger: { warn(obj: object, msg?: string): void };
  now?: () => Date;
}

/** Changes are read again this far back (a row committed late is not missed; the outbox's keys drop repeats). */
const OVERLAP_MS = 5000;
/** At start-up, cases opened this long ago still get their card (queued once: the outbox's key remembers). */
const CATCH_UP_MS = 3_600_000;

export function createCaseCardNotifier(deps: CaseCardNotifierDeps) {
  const now = deps.now ?? (() => new Date());
  const cursors = new Map<string, Date>();
  let busy = false;

  async function pollRegion(prefix: string, members: { userId: string; activeCaseId: string | null }[]): Promise<void> {
    const since = cursors.get(prefix) ?? new Date(now().getTime() - CATCH_UP_MS);
    const startedAt = now();
    const changes = await deps.desk.changesSince({ prefixes: [prefix] }, new Date(since.getTime() - OVERLAP_MS));
    for (const change of changes) {
      if (change.type === 'case' && change.id.endsWith(':opened')) {
        const detail = await deps.desk.get({ prefixes: [prefix] }, change.caseId);
        if (!detail || detail.status !== 'new') continue;
        const who = detail.person.name ?? deps.t('wecom.unnamed');
        const card: WecomCard = {
          taskId: `case-${detail.id}`.slice(0, 100),
          title: deps.t('wecom.card.title'),
          description: deps.t('wecom.card.description', { name: who, reason: detail.reason }),
          buttons: [{ text: deps.t('wecom.card.claim'), key: `${CLAIM_KEY_PREFIX}${detail.id}` }],
          ...(deps.consoleUrl ? { link: { title: deps.t('wecom.card.open'), url: deps.consoleUrl } } : {}),
        };
        for (const member of members) {
          const taskId = `${card.taskId}-${member.userId}`.slice(0, 128).replace(/[^A-Za-z0-9_\-@]/g, '_');
          await deps.outbox.sendCard(member.userId, { ...card, taskId }, `wecom-card:${detail.id}:${member.userId}`)
            .catch((err: unknown) => deps.logger.warn({ err, caseId: detail.id }, 'wecom case card not queued'));
        }
      }
      if (change.type === 'message') {
        const answering = members.filter((m) => m.activeCaseId === change.caseId);
        if (answering.length === 0) continue;
        const detail = await deps.desk.get({ prefixes: [prefix] }, change.caseId);
        const said = detail?.messages.find((m) => m.direction === 'in' && m.at.getTime() === change.at.getTime());
        if (!said) continue;
        for (const member of answering) {
          await deps.outbox.sendText(member.userId, deps.t('wecom.personSaid', { text: said.text }), `wecom-fwd:${change.id}:${member.userId}`)
            .catch((err: unknown) => deps.logger.warn({ err, caseId: change.caseId }, 'wecom forward not queued'));
        }
      }
    }
    cursors.set(prefix, startedAt);
  }

  async function poll(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      const members = await deps.members.all();
      // Each district (or region) some member covers is read once; a city member also covers its districts.
      const prefixes = new Set(members.flatMap((m) => scopeOf(m).prefixes));
      for (const prefix of prefixes) {
        const covering = members.filter((m) => isInScope(scopeOf(m), prefix));
        await pollRegion(prefix, covering);
      }
    } catch (err) {
      deps.logger.warn({ err }, 'wecom case notifier poll failed');
    } finally {
      busy = false;
    }
  }

  return {
    poll,
    start(intervalMs: number): () => void {
      const timer = setInterval(() => void poll(), intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
