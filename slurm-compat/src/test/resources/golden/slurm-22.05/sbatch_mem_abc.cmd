sbatch --mem=abc --wrap=true
