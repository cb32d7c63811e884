cd /home/alice && runuser -u alice -- sacct
