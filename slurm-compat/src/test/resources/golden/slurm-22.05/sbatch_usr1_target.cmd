sbatch -J usr1 --wrap='sleep 300'
