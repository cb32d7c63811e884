cd /home/alice/golden && runuser -u alice -- sbatch --wrap='echo hi from alice'
