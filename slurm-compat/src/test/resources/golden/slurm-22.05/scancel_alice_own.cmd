cd /home/alice && runuser -u alice -- scancel 91
