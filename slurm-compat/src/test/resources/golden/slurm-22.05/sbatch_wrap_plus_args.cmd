printf '#!/bin/sh\necho "args: $@"\n' > args.sh; sbatch --wrap='echo hi' args.sh a b
