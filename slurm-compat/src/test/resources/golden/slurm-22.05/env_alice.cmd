cd /home/alice/golden && cat env.sh && runuser -u alice -- sbatch -o env_alice.env env.sh
