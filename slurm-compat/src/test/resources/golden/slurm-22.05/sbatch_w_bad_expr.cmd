sbatch -w 'n[1-' --wrap=true
