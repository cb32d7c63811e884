sbatch -J sleeper --wrap='sleep 300'
