printf '#!/bin/sh\n#SBATCH -J fromdirective\n#SBATCH --time=5\ntrue\n' > dirj.sh; sbatch dirj.sh
