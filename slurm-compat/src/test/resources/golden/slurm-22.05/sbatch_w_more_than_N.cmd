sbatch -w 'n[1-2]' -N1 --wrap=true
