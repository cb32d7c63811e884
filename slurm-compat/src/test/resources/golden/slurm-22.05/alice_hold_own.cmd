cd /home/alice && runuser -u alice -- scontrol hold 91
