mkdir -p outpat_arr && cd outpat_arr && sbatch --array=3-4 -o 'o-%j-%A-%a-%3a-%x.txt' -e 'e-%A_%a.txt' --wrap='echo x; echo y >&2'
