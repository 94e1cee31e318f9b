// The composer fetches the workspace's command list once per workspace. Registering or revoking a command in
// the Integrations dialog bumps this counter so the composer fetches it again at once, instead of posting
// "/deploy api" as plain text until the next reload. (Other people's tabs learn on their next load: there is
// no realtime event for command changes.)

let version = $state(0);

export const commandChanges = {
  /** Read inside an effect to rerun it when the commands change. */
  get version(): number {
    return version;
  },
  changed(): void {
    version += 1;
  },
};
