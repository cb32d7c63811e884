cd /home/alice && runuser -u alice -- scontrol release 65
