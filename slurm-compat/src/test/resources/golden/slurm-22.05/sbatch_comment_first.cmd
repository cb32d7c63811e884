printf '# comment\n#!/bin/sh\necho hi\n' > comment.sh; sbatch comment.sh
