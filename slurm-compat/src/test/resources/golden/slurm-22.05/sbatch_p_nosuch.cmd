sbatch -p nosuchpart --wrap=true
