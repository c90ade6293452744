#!/usr/bin/env bash
# Prints the folder the tests' scratch files and throwaway PostgreSQL go in: /dev/shm (memory) when it
# is writable and has at least 2 GiB free, else ${TMPDIR:-/tmp}. The tests create and delete thousands
# of files and hundreds of databases; on a disk's file system (ext4 here) every new file costs a search
# for a free inode, several seconds of CPU in a run. Containers often give /dev/shm only 64 MB, which a
# run would fill.
set -euo pipefail
free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 {print $4}' || true)
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "${free_kb:-0}" -ge 2097152 ]; then
  echo /dev/shm
else
  echo "${TMPDIR:-/tmp}"
fi
