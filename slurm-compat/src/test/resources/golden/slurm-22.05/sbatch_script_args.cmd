printf '#!/bin/sh\necho "args: $# $@"\n' > args.sh; sbatch -o args.out args.sh a 'b c'
