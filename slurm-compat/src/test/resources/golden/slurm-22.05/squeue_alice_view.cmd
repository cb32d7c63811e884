cd /home/alice && runuser -u alice -- squeue
