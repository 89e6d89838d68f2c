// Runs in: renderer. Owns: the suggested file name of a support bundle, in the workspace folder.
export function defaultBundlePath(workspaceDir: string, now: Date): string {
  const sep = workspaceDir.includes('\\') && !workspaceDir.includes('/') ? '\\' : '/';
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${workspaceDir.replace(/[\\/]+$/, '')}${sep}storebridge-diagnostics-${stamp}.zip`;
}
