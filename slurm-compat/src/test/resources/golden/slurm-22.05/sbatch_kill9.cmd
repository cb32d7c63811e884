printf '#!/bin/bash\nkill -9 $$\n' > kill9.sh; sbatch kill9.sh
