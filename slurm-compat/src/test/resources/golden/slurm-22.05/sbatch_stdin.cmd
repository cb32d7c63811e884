echo -e '#!/bin/sh\ntrue' | sbatch
