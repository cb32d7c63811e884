sbatch -J fullnode --exclusive -N 1 --wrap='sleep 300'
