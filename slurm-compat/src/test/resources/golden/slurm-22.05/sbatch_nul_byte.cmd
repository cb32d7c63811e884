printf '#!/bin/sh\necho a\0b\n' > nul.sh; sbatch nul.sh
