printf '#!/bin/sh\r\necho hi\r\n' > crlf.sh; sbatch crlf.sh
