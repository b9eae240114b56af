/**
 * Waiting for work that can be superseded: a scan that a newer scan replaces (workspace folders or
 * `files.exclude` changed while it ran) stops early, so whoever waited for it must wait for the newer one too,
 * or it reads an index that holds only part of the workspace.
 */

/** Resolves once the work `current()` names has finished and no newer work replaced it meanwhile. */
export async function whenSettled(current: () => Promise<void>): Promise<void> {
  for (;;) {
    const work = current();
    await work;
    if (current() === work) return;
  }
}
