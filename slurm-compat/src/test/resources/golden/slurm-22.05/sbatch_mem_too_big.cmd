sbatch --mem=999999 --wrap=true
