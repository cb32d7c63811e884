printf '#!/bin/sh\ntrue\n#SBATCH --bogus\n' > late.sh; sbatch late.sh
