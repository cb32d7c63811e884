sbatch -t 1 --wrap='sleep 120'
