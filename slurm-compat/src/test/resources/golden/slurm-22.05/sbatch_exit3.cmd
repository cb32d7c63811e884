printf '#!/bin/bash\necho about to fail\nexit 3\n' > exit3.sh; sbatch exit3.sh
