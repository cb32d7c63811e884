cd /home/alice && runuser -u alice -- scancel -v 86
