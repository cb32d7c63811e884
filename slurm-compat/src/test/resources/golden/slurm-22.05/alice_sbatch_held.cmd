cd /home/alice/golden && runuser -u alice -- sbatch -H --wrap=true
