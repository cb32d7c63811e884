printf '#!/bin/sh\n#SBATCH --bogus\ntrue\n' > bogus.sh; sbatch bogus.sh
