// What the outreach scheduler needs from storage (src/persistence implements it): registrations still
// without a first-contact task, and a way to plan tasks once each (idempotency keys).

export interface PlannedTask {
  jobSeekerId: string;
  registrationId: string | null;
  kind: string;
  dueAt: Date;
  provisional: boolean;
  idempotencyKey: string;
}

export interface OutreachPlanner {
  /** Inserts the tasks that do not exist yet; returns how many were new. */
  plan(tasks: readonly PlannedTask[]): Promise<number>;
}

export interface RegistrationsAwaitingFirstContact {
  listWithoutFirstContactTask(limit: number): Promise<{ id: string; jobSeekerId: string; registeredAt: Date }[]>;
}
