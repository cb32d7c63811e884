cd /home/alice && runuser -u alice -- sacct -a -X -j 52,74
