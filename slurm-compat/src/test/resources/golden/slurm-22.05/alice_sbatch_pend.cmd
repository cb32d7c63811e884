cd /home/alice/golden && runuser -u alice -- sbatch --begin=now+1hour --wrap=true
