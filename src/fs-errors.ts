/**
 * One-line reasons for file-system errors, shared by the CLI and batch mode: what a user reads after the path on
 * stderr or in a failures report. `subject` says what was being done: reading a file, listing a folder, or
 * writing an output.
 */
export type FsSubject = 'file' | 'folder' | 'output';

export function fsErrorReason(err: unknown, subject: FsSubject): string {
  switch ((err as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return subject === 'file' ? 'no such file' : subject === 'folder' ? 'no such directory' : 'no such folder';
    case 'ENOTDIR':
      return subject === 'folder' ? 'is not a directory' : 'a parent is not a folder';
    case 'EISDIR':
      return subject === 'output' ? 'is a folder' : 'is a directory, expected a file';
    case 'EEXIST':
      return 'a file is in the way';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENAMETOOLONG':
      return 'name too long';
    default:
      return (err as Error | undefined)?.message?.split('\n')[0] ?? (subject === 'output' ? 'cannot be written' : 'cannot be read');
  }
}
